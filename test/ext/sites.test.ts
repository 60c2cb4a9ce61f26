import { describe, expect, it } from 'vitest';
import { siteHost, sitePattern } from '@/lib/app/sites';

describe('sitePattern', () => {
  it.each([
    ['www.example.org', '*://www.example.org/*'],
    ['  WWW.Example.org ', '*://www.example.org/*'],
    ['https://www.example.org/xxgk/2023.html?x=1', '*://www.example.org/*'],
    ['http://10.1.2.3:8080/a', '*://10.1.2.3/*'],
    ['*.example.org', '*://*.example.org/*'],
    ['https://*.example.org/', '*://*.example.org/*'],
    ['政府.中国', '*://xn--mxtq1m.xn--fiqs8s/*'],
  ])('%s → %s', (input, pattern) => {
    expect(sitePattern(input)).toEqual({ ok: true, pattern });
  });

  it.each(['', 'localhost', 'not a host', '*', 'www.beijing.gov.cn', 'gov.cn'])('rejects %j', (input) => {
    expect(sitePattern(input).ok).toBe(false);
  });

  it('shows the host of a pattern', () => {
    expect(siteHost('*://*.example.org/*')).toBe('*.example.org');
  });
});
