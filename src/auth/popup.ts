/** Same shape as `window.open`, so tests and hosts can pass their own. */
export type OpenWindow = (url: string, target: string, features: string) => Window | null;

export const defaultOpen: OpenWindow = (url, target, features) => window.open(url, target, features);

/** Centred over the current browser window, which is where the user is looking. */
export function popupFeatures(width: number, height: number): string {
  const left = Math.round(window.screenX + (window.outerWidth - width) / 2);
  const top = Math.round(window.screenY + (window.outerHeight - height) / 2);
  return `popup=yes,width=${width},height=${height},left=${left},top=${top}`;
}

/**
 * A name of its own per flow: `window.open` with a name already in use navigates that window,
 * which would silently hijack the pop-up of another flow still running.
 */
export function uniqueWindowName(): string {
  return `dsw-authorization-${Math.random().toString(36).slice(2, 10)}`;
}

/** Cross-origin and severed (COOP) windows can still be asked `closed`; a throw means gone. */
export function isClosed(popup: Window): boolean {
  try {
    return popup.closed;
  } catch {
    return true;
  }
}

export function closeQuietly(popup: Window): void {
  try {
    if (!popup.closed) popup.close();
  } catch {
    // Nothing more can be done about a window we can no longer reach.
  }
}
