import { useId, useState, type ReactNode } from 'react';
import { Button } from './Button.tsx';

export interface Tab {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * Sections of a screen that would not fit the panel together, one at a time: large tab buttons
 * in the screen's header row, beside its title, and the chosen section beneath. A driver taps,
 * never scrolls.
 */
export function Tabs({
  title,
  tabs,
  testId,
}: {
  title: ReactNode;
  tabs: readonly Tab[];
  testId: string;
}) {
  const [chosen, setChosen] = useState(tabs[0]?.id);
  const base = useId();
  const current = tabs.find((t) => t.id === chosen) ?? tabs[0];
  return (
    <>
      <div className="screen-header">
        {title}
        {current && tabs.length > 1 && (
          <div className="tabs__list" role="tablist" data-testid={testId}>
            {tabs.map((tab) => (
              <Button
                key={tab.id}
                role="tab"
                id={`${base}-${tab.id}`}
                aria-selected={tab.id === current.id}
                aria-controls={`${base}-panel`}
                className={tab.id === current.id ? 'tabs__tab tabs__tab--current' : 'tabs__tab'}
                onClick={() => setChosen(tab.id)}
                data-testid={`${testId}-${tab.id}`}
              >
                {tab.label}
              </Button>
            ))}
          </div>
        )}
      </div>
      {current && (
        <div
          className="tabs__panel"
          role={tabs.length > 1 ? 'tabpanel' : undefined}
          id={`${base}-panel`}
          aria-labelledby={tabs.length > 1 ? `${base}-${current.id}` : undefined}
        >
          {current.content}
        </div>
      )}
    </>
  );
}
