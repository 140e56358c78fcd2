import { useAllowed } from './useAllowed.ts';
import { useUxLimits } from './useUxLimits.ts';

/** Cuts text to the market's limit while LIMIT_STRING_LENGTH is in force (C1), by whole characters. */
export function limitText(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function LimitedText({ text }: { text: string }) {
  const limited = !useAllowed('fullText');
  const { maxStringLength } = useUxLimits();
  return <>{limited ? limitText(text, maxStringLength) : text}</>;
}
