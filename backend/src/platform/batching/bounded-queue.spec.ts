import { BoundedQueue, QueueFullError } from './bounded-queue';

/** A task the test finishes by hand, so it can see what waits behind it. */
function gated<T>(value: T) {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const started = { yes: false };
  const task = () => {
    started.yes = true;
    return new Promise<T>((resolve, reject) => {
      open = () => resolve(value);
      fail = reject;
    });
  };
  return { task, started, open: () => open(), fail: (error: Error) => fail(error) };
}
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('BoundedQueue', () => {
  it('runs up to `concurrency` tasks at once and starts the next waiting one when a slot frees', async () => {
    const queue = new BoundedQueue({ concurrency: 2, maxWaiting: 5 });
    const tasks = [gated(1), gated(2), gated(3)];
    const results = tasks.map((t) => queue.run(t.task));
    await turn();
    expect(tasks.map((t) => t.started.yes)).toEqual([true, true, false]);
    expect([queue.running, queue.waiting]).toEqual([2, 1]);
    tasks[1].open();
    await expect(results[1]).resolves.toBe(2);
    await turn();
    expect(tasks[2].started.yes).toBe(true);
    expect([queue.running, queue.waiting]).toEqual([2, 0]);
    tasks[0].open();
    tasks[2].open();
    await expect(Promise.all(results)).resolves.toEqual([1, 2, 3]);
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
  });

  it('refuses a task with QueueFullError, without starting it, when every slot is busy and the line is full', async () => {
    const queue = new BoundedQueue({ concurrency: 1, maxWaiting: 1 });
    const running = gated('a');
    const waiting = gated('b');
    const refused = gated('c');
    const first = queue.run(running.task);
    const second = queue.run(waiting.task);
    await expect(queue.run(refused.task)).rejects.toBeInstanceOf(QueueFullError);
    expect(refused.started.yes).toBe(false);
    running.open();
    await turn();
    waiting.open();
    await expect(Promise.all([first, second])).resolves.toEqual(['a', 'b']);
    // Room again once the line has drained.
    await expect(queue.run(() => Promise.resolve('d'))).resolves.toBe('d');
  });

  it('serves waiting tasks in arrival order', async () => {
    const queue = new BoundedQueue({ concurrency: 1, maxWaiting: 3 });
    const order: number[] = [];
    const head = gated(0);
    const all = [queue.run(head.task), ...[1, 2, 3].map((n) => queue.run(async () => void order.push(n)))];
    await turn();
    head.open();
    await Promise.all(all);
    expect(order).toEqual([1, 2, 3]);
  });

  it('frees the slot of a task that fails, and passes its error on', async () => {
    const queue = new BoundedQueue({ concurrency: 1, maxWaiting: 0 });
    const failing = gated('x');
    const result = queue.run(failing.task);
    await expect(queue.run(() => Promise.resolve('busy'))).rejects.toBeInstanceOf(QueueFullError);
    failing.fail(new Error('boom'));
    await expect(result).rejects.toThrow('boom');
    expect(queue.running).toBe(0);
    await expect(queue.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
