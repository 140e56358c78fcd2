/** The control channel's token in tests and benches (the bridge refuses control without one). */
export const TEST_CONTROL_TOKEN = 'test-control-token-0123456789abcdef';
