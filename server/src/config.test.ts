import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('fills embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      publicUrl: 'http://localhost:3000',
      dataDir: path.resolve('./data'),
      databaseUrl: undefined,
      redisUrl: undefined,
      janusWsUrl: undefined,
      logLevel: 'info',
      startWorkers: true,
      seedDemo: true,
    });
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      PUBLIC_URL: 'https://yunpin.example.gov.cn/',
      DATA_DIR: '/var/lib/yunpin',
      DATABASE_URL: 'postgres://u@db:5432/yunpin',
      DATABASE_POOL_MAX: '40',
      REDIS_URL: 'redis://cache:6379',
      JANUS_WS_URL: 'ws://janus:8188',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: 'https://yunpin.example.gov.cn',
      dataDir: '/var/lib/yunpin',
      databaseUrl: 'postgres://u@db:5432/yunpin',
      databasePoolMax: 40,
      redisUrl: 'redis://cache:6379',
      janusWsUrl: 'ws://janus:8188',
      logLevel: 'debug',
    });
  });

  it.each([
    ['PORT', 'eighty', 'port number'],
    ['PORT', '70000', 'port number'],
    ['PUBLIC_URL', 'not a url', 'absolute URL'],
    ['DATABASE_URL', 'mysql://x', 'postgres://'],
    ['DATABASE_POOL_MAX', '0', 'whole number'],
    ['DATABASE_POOL_MAX', 'many', 'whole number'],
    ['REDIS_URL', 'localhost:6379', 'redis://'],
    ['JANUS_WS_URL', 'http://janus', 'ws://'],
    ['LOG_LEVEL', 'loud', 'one of'],
    ['TURN_URLS', 'stun:stun.example.org', 'turn:'],
    ['TURN_SECRET', 'short', 'static-auth-secret'],
  ])('stops on %s=%s with a message naming the variable', (name, value, expected) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(`${name}=${JSON.stringify(value)}`);
    expect(message).toContain(expected);
  });

  it('reads TURN as a list of URLs with its shared secret, and only as a pair', () => {
    const config = loadConfig({ TURN_URLS: 'turn:198.51.100.7:3478?transport=udp, turns:turn.example.org:5349', TURN_SECRET: 'a-long-enough-secret' });
    expect(config.turn).toEqual({ urls: ['turn:198.51.100.7:3478?transport=udp', 'turns:turn.example.org:5349'], secret: 'a-long-enough-secret' });
    expect(loadConfig({}).turn).toBeUndefined();
    expect(() => loadConfig({ TURN_URLS: 'turn:198.51.100.7:3478' })).toThrow(/TURN_URLS and TURN_SECRET go together/);
  });
});
