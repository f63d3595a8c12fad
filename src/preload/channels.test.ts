import { describe, expect, it } from 'vitest';
import { channels } from '../shared/ipc/contract';
import { preloadChannelNames } from './channels';

describe('preload channel list', () => {
  it('names exactly the contract channels', () => {
    expect([...preloadChannelNames].sort()).toEqual([...channels].sort());
  });
});
