import { describe, expect, it } from 'vitest';
import { compileLesson } from './compile/compileLesson';
import { formatCompileError, type CompiledLesson, type Lang } from './model';
import { compareCatalogue, compareTranslations } from './parity';

function compiled(lang: Lang, body: string, id = 'demo'): CompiledLesson {
  const r = compileLesson(`---\nid: ${id}\ntitle: T\nsummary: S\n---\n${body}`, { lang, source: `lessons/${lang}/01-${id}.md` });
  if (!r.ok) throw new Error(r.errors.map(formatCompileError).join('\n'));
  return r.lesson;
}

const EN = '## Start {#init}\n\nRun it:\n\n```bash node1\nkubeadm init\n```\n\n```check\n- control-plane-up: { host: node1 }\n```\n';
const ES = '## Arranca {#init}\n\nEjecútalo, con más texto\ny otra línea:\n\n```bash node1\nkubeadm init\n```\n\n```check\n- control-plane-up: { host: node1 }\n```\n';

describe('compareTranslations', () => {
  it('accepts different prose around the same steps, blocks and checks', () => {
    expect(compareTranslations(compiled('en', EN), compiled('es', ES))).toEqual([]);
  });

  it('reports different step ids, with a hint', () => {
    expect(compareTranslations(compiled('en', EN), compiled('es', ES.replace(' {#init}', '')))).toEqual([
      "lessons/es/01-demo.md: steps [arranca] differ from lessons/en/01-demo.md's [init]; give matching steps the same {#id} in both languages",
    ]);
  });

  it('reports a different command, node or check, with both places', () => {
    expect(compareTranslations(compiled('en', EN), compiled('es', ES.replace('kubeadm init', 'kubeadm init --dry-run')))).toEqual([
      'lessons/es/01-demo.md:11: block 1 of step "init" differs from lessons/en/01-demo.md:10 (`kubeadm init --dry-run` on node1 vs `kubeadm init` on node1)',
    ]);
    expect(compareTranslations(compiled('en', EN), compiled('es', ES.replace('host: node1 }', 'host: node2 }')))).toEqual([
      'lessons/es/01-demo.md:6: the checks of step "init" differ from lessons/en/01-demo.md:6',
    ]);
    expect(compareTranslations(compiled('en', EN), compiled('es', ES.replace('```bash node1\nkubeadm init\n```', '')))).toEqual([
      'lessons/es/01-demo.md:6: step "init" has 0 runnable block(s), lessons/en/01-demo.md:6 has 1',
    ]);
  });
});

describe('compareCatalogue', () => {
  it('pairs lessons by id and reports a missing translation', () => {
    const lessons = [compiled('en', EN), compiled('es', ES), compiled('en', EN, 'other')];
    expect(compareCatalogue(lessons, ['es', 'en'])).toEqual(['lesson "other" has no es version (it exists in lessons/en/01-other.md)']);
  });
});

describe('block options', () => {
  it('must agree too, and the report says which', () => {
    const up = (option: string) => `## Up {#up}\n\n\`\`\`bash node1${option}\ndocker-compose up\n\`\`\`\n`;
    expect(compareTranslations(compiled('en', up(' interrupt-after=30s')), compiled('es', up(' interrupt-after=20s')))).toEqual([
      'lessons/es/01-demo.md:8: block 1 of step "up" differs from lessons/en/01-demo.md:8 (`docker-compose up` on node1 (interrupt-after=20s) vs `docker-compose up` on node1 (interrupt-after=30s))',
    ]);
  });
});
