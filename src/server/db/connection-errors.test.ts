import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './connection-errors.ts';
import { backoffDelay, connectionMonitor, describeError } from './connection-state.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('which errors mean the database is unavailable', () => {
  it('recognises cut connections, refused connects and server shutdowns', () => {
    for (const error of [
      withCode('ECONNREFUSED'),
      withCode('ECONNRESET'),
      withCode('08006'),
      withCode('08001'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P02'),
      withCode('57P03', 'the database system is starting up'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('timeout exceeded when trying to connect'),
      new Error('wrapped', { cause: withCode('ECONNREFUSED') }),
      new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]),
      // pg-boss reports some errors as plain objects.
      { message: 'Connection terminated unexpectedly', queue: 'sla.check' },
    ])
      expect(isDatabaseUnavailable(error), String((error as Error).message)).toBe(true);
  });

  it('leaves statement errors and everything else alone', () => {
    for (const error of [
      withCode('23505', 'duplicate key value violates unique constraint'),
      withCode('42P01', 'relation "x" does not exist'),
      withCode('57014', 'canceling statement due to statement timeout'),
      withCode('40001', 'could not serialize access'),
      new Error('something else'),
      null,
      'ECONNREFUSED',
    ])
      expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('reconnection back-off and its log', () => {
  it('waits 0.5 s, doubling, at most 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 100].map((n) => backoffDelay(n))).toEqual([
      500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('logs an outage once when it starts and once when it ends', () => {
    const lines: string[] = [];
    const monitor = connectionMonitor('live updates', (line) => lines.push(line));
    expect(monitor.state()).toBe('down');
    monitor.up();
    expect(monitor.state()).toBe('ok');
    expect(lines).toEqual([]);
    for (let i = 0; i < 5; i++) monitor.down(new Error('Connection terminated unexpectedly'));
    expect(monitor.state()).toBe('down');
    monitor.up();
    monitor.up();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'live updates: connection lost (Connection terminated unexpectedly); reconnecting with back-off',
    );
    expect(lines[1]).toMatch(/^live updates: connection restored after \d+\.\d s \(5 failures\)$/);
  });

  it('describes pg-boss error objects by their message, not as [object Object]', () => {
    expect(describeError({ message: 'boom', code: '57P01', queue: 'x' })).toBe('boom (57P01)');
    expect(describeError(new Error('plain'))).toBe('plain');
    expect(describeError('text')).toBe('text');
  });
});
