import type { ReactNode } from 'react';
import { Button } from './Button.tsx';

export interface Choice<K extends string | number> {
  key: K;
  label: ReactNode;
  testId: string;
}

/** A labelled row of mutually exclusive choices (collection, drop-off time, payment): one tap each. */
export function ChoiceRow<K extends string | number>({
  label,
  choices,
  value,
  onChoose,
}: {
  label: string;
  choices: readonly Choice<K>[];
  value: K | undefined;
  onChoose: (key: K) => void;
}) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {choices.map((c) => (
        <Button
          key={c.key}
          aria-pressed={c.key === value}
          onClick={() => onChoose(c.key)}
          data-testid={c.testId}
        >
          {c.label}
        </Button>
      ))}
    </div>
  );
}
