/** jsdom has no layout: Fluent's positioning asks for a ResizeObserver, which this stands in for. */
export function stubResizeObserver(): void {
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}
