import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** The cold-start yardstick: React and nothing else, showing the same readout the home screen does. */
function Bare() {
  return (
    <main>
      <span data-testid="speed-value">0</span>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Bare />
  </StrictMode>,
);
