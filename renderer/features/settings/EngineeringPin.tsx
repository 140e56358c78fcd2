import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../../data/ids.ts';
import { useHostMutation } from '../../data/useHostMutation.ts';
import { Button } from '../../ui/Button.tsx';
import { Sheet } from '../../ui/Sheet.tsx';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;
const MAX_DIGITS = 8;

type Problem = 'wrong' | 'wait' | 'unavailable' | 'failed' | null;

/**
 * The engineering PIN on a keypad of large keys (no keyboard: parked only anyway). The host checks
 * it against the variant and slows repeated failures; the digits are shown as dots.
 */
export function EngineeringPin({
  onUnlocked,
  onCancel,
}: {
  onUnlocked: (session: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('settings');
  const [unlock, { pending: busy }] = useHostMutation('engineering.unlock');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [waitS, setWaitS] = useState(0);

  const submit = async () => {
    setProblem(null);
    try {
      const answer = await unlock({ pin });
      if (answer.unlocked && answer.session !== null) {
        onUnlocked(answer.session);
        return;
      }
      setPin('');
      setWaitS(Math.ceil(answer.retryAfterMs / 1000));
      setProblem(answer.retryAfterMs > 0 ? 'wait' : 'wrong');
    } catch (error) {
      setPin('');
      setProblem(errorCode(error) === 'forbidden' ? 'unavailable' : 'failed');
    }
  };

  return (
    <Sheet labelledBy="engineering-pin-title" onCancel={onCancel} testId="engineering-pin">
      <h2 className="section-title" id="engineering-pin-title">
        {t('engineering.pinTitle')}
      </h2>
      <p className="pin__dots" data-testid="engineering-pin-dots" aria-live="polite">
        {pin.length > 0 ? '●'.repeat(pin.length) : t('engineering.pinHint')}
      </p>
      {problem && (
        <p className="error-line" role="alert" data-testid="engineering-pin-problem">
          {t(`engineering.problem.${problem}`, { seconds: waitS })}
        </p>
      )}
      <div className="pin__keys">
        {DIGITS.map((d) => (
          <Button
            key={d}
            disabled={busy || pin.length >= MAX_DIGITS}
            onClick={() => setPin((p) => p + d)}
            data-testid={`pin-${d}`}
          >
            {d}
          </Button>
        ))}
        <Button
          disabled={busy || pin.length === 0}
          onClick={() => setPin((p) => p.slice(0, -1))}
          aria-label={t('engineering.pinDelete')}
          data-testid="pin-delete"
        >
          ⌫
        </Button>
      </div>
      <div className="sheet__actions">
        <Button onClick={onCancel} data-testid="pin-cancel">
          {t('engineering.cancel')}
        </Button>
        <Button
          variant="primary"
          disabled={busy || pin.length < 4}
          onClick={() => void submit()}
          data-testid="pin-submit"
        >
          {t('engineering.open')}
        </Button>
      </div>
    </Sheet>
  );
}
