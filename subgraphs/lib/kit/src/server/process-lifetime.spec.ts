import { watchParent } from './process-lifetime';

describe('watchParent: a service stops when its launcher is gone', () => {
  it('does nothing while the parent pid is the launcher, and calls back once when it changes', async () => {
    let parent = 4242;
    const gone = jest.fn();
    watchParent({ parentPid: 4242, currentParentPid: () => parent, intervalMs: 10, onParentGone: gone });
    await new Promise((r) => setTimeout(r, 50));
    expect(gone).not.toHaveBeenCalled();
    parent = 1; // re-parented to init: the launcher died
    await new Promise((r) => setTimeout(r, 50));
    expect(gone).toHaveBeenCalledTimes(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(gone).toHaveBeenCalledTimes(1);
  });

  it('can be stopped', async () => {
    const gone = jest.fn();
    const stop = watchParent({ parentPid: 4242, currentParentPid: () => 1, intervalMs: 20, onParentGone: gone });
    stop();
    await new Promise((r) => setTimeout(r, 60));
    expect(gone).not.toHaveBeenCalled();
  });
});
