import type { Store } from '../store/port'
import type { ContactReadDoc } from '../model'

/** 联系方式查看记录: who read a resident's consented contact (written once, never changed). */
export function contactReadRepo(store: Store) {
  const reads = store.collection<ContactReadDoc>('contact_reads')
  return {
    record: (doc: ContactReadDoc) => reads.insert(doc),
    /** The newest reads of one item's contact, at most `limit`. */
    async latestForItem(suggestionId: string, limit: number): Promise<ContactReadDoc[]> {
      return (await reads.find({ where: { suggestionId }, orderBy: { field: 'at', direction: 'desc' }, limit })).items
    },
  }
}
export type ContactReadRepo = ReturnType<typeof contactReadRepo>
