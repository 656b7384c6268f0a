// A holder for a service's ports (what it needs from other services without importing them): the
// wiring registers real ones, tests register fakes and put the previous ones back.
export interface PortSlot<T extends object> {
  /** Installs `ports` over the unwired defaults; returns the previous ones. */
  readonly register: (ports: Partial<T>) => T;
  readonly current: () => T;
}

export function createPortSlot<T extends object>(unwired: T): PortSlot<T> {
  let current = unwired;
  return {
    register: (ports) => {
      const previous = current;
      current = { ...unwired, ...ports };
      return previous;
    },
    current: () => current,
  };
}
