import { Text } from '@tarojs/components'
import { STATE_LABELS, STATE_TONES, type SuggestionState } from '@shared/domain/states'

/** The state of an item as a coloured chip; labels and tones come from shared/domain/states.ts. */
export default function StateChip({ state }: { state: SuggestionState }) {
  return <Text className={`state-chip state-chip--${STATE_TONES[state]}`}>{STATE_LABELS[state]}</Text>
}
