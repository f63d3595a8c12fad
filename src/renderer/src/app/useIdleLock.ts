import { useEffect, useRef } from 'react';
import { sauga } from '../api';

/** Core counts a session as active only when told; telling it more often than this is noise. */
export const ACTIVITY_PING_MS = 30_000;
const CHECK_EVERY_MS = 5_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Locks after `minutes` without keyboard, mouse or touch input (0 = never), and keeps core's
 * own idle clock fed while the user is working. Core also locks by itself if the pings stop.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    let lastActivity = Date.now();
    let lastPing = lastActivity;
    let fired = false;
    const onActivity = (): void => {
      lastActivity = Date.now();
      if (lastActivity - lastPing >= ACTIVITY_PING_MS) {
        lastPing = lastActivity;
        void sauga().vault.activity({});
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    const timer =
      minutes > 0
        ? window.setInterval(() => {
            if (!fired && Date.now() - lastActivity >= minutes * 60_000) {
              fired = true;
              onIdleRef.current();
            }
          }, CHECK_EVERY_MS)
        : undefined;
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [minutes]);
}
