// Why each choice is right or wrong, the explanation and the reference: after a quiz answer and for
// each question once an exam ends. ✓/✗ and "right"/"wrong" carry the meaning; colour only repeats it.
import { Text } from 'ink';
import { theme } from '../../theme.js';
import type { FeedbackView } from './practice-view.js';

export function FeedbackLines({ view, reasonWrap }: { readonly view: FeedbackView; readonly reasonWrap: 'wrap' | 'truncate-end' }) {
  return (
    <>
      {view.reasons.map((reason, i) => (
        <Text key={i} wrap={reasonWrap} color={reason.isRight ? theme.success : theme.muted}>
          {reason.text}
        </Text>
      ))}
      <Text wrap="wrap">{view.explanation}</Text>
      <Text wrap="truncate-end" color={theme.muted}>
        {view.reference}
      </Text>
    </>
  );
}
