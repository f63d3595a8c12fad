import { z } from 'zod';

/**
 * Our CSP allows no eval and no inline styles. Two libraries try them anyway and fall back;
 * tell them up front so the refusals never happen (and never hide a real violation):
 * - zod probes `new Function` to compile faster parsers: run it without JIT;
 * - react-aria injects a <style id="react-aria-pressable-style"> for touch handling unless an
 *   element with that id exists: the same rule is in styles.css, and this marker says so.
 */
export function prepareForCsp(): void {
  z.config({ jitless: true });
  if (!document.getElementById('react-aria-pressable-style')) {
    const marker = document.createElement('meta');
    marker.id = 'react-aria-pressable-style';
    document.head.append(marker);
  }
}
