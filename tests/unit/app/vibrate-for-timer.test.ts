import { describe, expect, it, vi } from 'vitest';
import { vibrateForTimer } from '../../../src/app/use-reminders';

describe('vibrateForTimer', () => {
  it('vibrates only after the user has interacted with the page (Chrome blocks it before)', () => {
    const vibrate = vi.fn(() => true);
    expect(vibrateForTimer({ vibrate, userActivation: { hasBeenActive: false } })).toBe(false);
    expect(vibrateForTimer({ vibrate })).toBe(false);
    expect(vibrate).not.toHaveBeenCalled();
    expect(vibrateForTimer({ vibrate, userActivation: { hasBeenActive: true } })).toBe(true);
    expect(vibrate).toHaveBeenCalledWith([200, 100, 200]);
    // No vibration motor (desktop, iPhone): nothing to call.
    expect(vibrateForTimer({ userActivation: { hasBeenActive: true } })).toBe(false);
  });
});
