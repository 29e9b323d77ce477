/**
 * Time that moves only when someone sleeps: the adapters get `sleep`, the fake stamps requests with
 * `now`, so a test can see that a retry came after the wait Graph asked for without waiting for real.
 */
export class VirtualClock {
  private current: number;
  readonly slept: number[] = [];

  constructor(start = Date.UTC(2027, 0, 11, 9, 0, 0)) {
    this.current = start;
  }

  now = (): number => this.current;

  sleep = async (ms: number): Promise<void> => {
    this.slept.push(ms);
    this.current += ms;
    await Promise.resolve();
  };
}
