import { describe, expect, it } from 'vitest';
import { formatRoute, parsePageOptions, parseRoute, preferredLang } from './route';

describe('routes', () => {
  it('reads #/<lang>/<lesson-id>', () => {
    expect(parseRoute('#/es/start-the-cluster')).toEqual({ lang: 'es', lessonId: 'start-the-cluster' });
    expect(parseRoute(formatRoute('en', 'dockercoins'))).toEqual({ lang: 'en', lessonId: 'dockercoins' });
  });

  it('ignores what it does not understand', () => {
    expect(parseRoute('')).toEqual({ lang: undefined, lessonId: undefined });
    expect(parseRoute('#/fr/<script>')).toEqual({ lang: undefined, lessonId: undefined });
    expect(parseRoute('#/en/../../etc')).toEqual({ lang: 'en', lessonId: undefined });
  });

  it('reads embedding parameters', () => {
    const opts = parsePageOptions('?embed=1&speed=5&theme=light&lang=es&lesson=https%3A%2F%2Fschool.example%2Fl.md&origin=https://school.example,javascript:alert(1)');
    expect(opts).toEqual({
      embed: true, speed: 5, theme: 'light', lang: 'es', lessonUrl: 'https://school.example/l.md', allowedOrigins: ['https://school.example'],
    });
  });

  it('falls back to safe defaults', () => {
    const opts = parsePageOptions('?speed=-3&theme=neon&lesson=javascript:alert(1)&lang=xx&%E0%A4%A=1');
    expect(opts).toMatchObject({ embed: false, speed: 1, theme: undefined, lessonUrl: undefined, lang: undefined, allowedOrigins: [] });
    expect(parsePageOptions('?speed=1e9').speed).toBe(100);
  });

  it('prefers Spanish for Spanish browsers', () => {
    expect(preferredLang(['es-AR', 'en'])).toBe('es');
    expect(preferredLang(['de-DE', 'en-US'])).toBe('en');
  });
});
