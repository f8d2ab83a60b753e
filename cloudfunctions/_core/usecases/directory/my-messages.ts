import type { MessageItem } from '@shared/api/directory'
import type { UseCase } from '../../runtime/define-function'

/** The caller's notifications, newest first; nobody can list another person's. */
export const myMessages: UseCase<{ cursor?: string; limit: number }, { items: MessageItem[]; nextCursor: string | null }> = async (
  deps,
  actor,
  input,
) => {
  const page = await deps.repos.outbox.forRecipient(actor.openid, input.limit, input.cursor)
  return {
    items: page.items.map((m) => ({ id: m._id, kind: m.kind, title: m.title, body: m.body, page: m.page, status: m.status, createdAt: m.createdAt })),
    nextCursor: page.nextCursor,
  }
}
