import { describe, expect, it } from 'vitest';
import { formatCompileError, type CompiledLesson } from '../model';
import { compileLesson, slugify } from './compileLesson';

const SOURCE = 'lessons/en/03-demo.md';

function lesson(body: string, front = 'id: demo\ntitle: Demo\nsummary: A demo lesson'): string {
  return `---\n${front}\n---\n${body}`;
}

function compiled(markdown: string): CompiledLesson {
  const r = compileLesson(markdown, { lang: 'en', source: SOURCE });
  if (!r.ok) throw new Error(r.errors.map(formatCompileError).join('\n'));
  return r.lesson;
}

/** The errors as "file:line: message" lines, as the build prints them. */
function errors(markdown: string): string[] {
  const r = compileLesson(markdown, { lang: 'en', source: SOURCE });
  return r.ok ? [] : r.errors.map(formatCompileError);
}

const STEP = '## Step\n\nText.\n';

describe('front matter', () => {
  it('reads id, title, summary, order (from the file name) and estimatedMinutes', () => {
    const l = compiled(lesson(STEP, 'id: demo\ntitle: Demo\nsummary: A demo lesson\nestimatedMinutes: 15'));
    expect(l).toMatchObject({ id: 'demo', lang: 'en', title: 'Demo', summary: 'A demo lesson', order: 3, estimatedMinutes: 15, source: SOURCE });
  });

  it('is required, and must be closed', () => {
    expect(errors('## Step\n')).toEqual([`${SOURCE}:1: a lesson starts with front matter: a line "---", then id, title and summary, then another "---"`]);
    expect(errors('---\nid: demo\n## Step\n')).toEqual([`${SOURCE}:1: the front matter that starts here is never closed: add a line "---" after it`]);
  });

  it('reports missing and unknown fields, bad values and YAML errors with their line', () => {
    expect(errors(lesson(STEP, 'id: Demo Lesson\ntitel: Demo\nsummary: x\norder: zero'))).toEqual([
      `${SOURCE}:2: the front matter needs "title"`,
      `${SOURCE}:2: "id" must be lowercase letters, digits and dashes (like start-the-cluster), got "Demo Lesson"`,
      `${SOURCE}:3: unknown front matter field "titel" (did you mean title?); fields are id, title, summary, order, estimatedMinutes`,
      `${SOURCE}:5: "order" must be a whole number of at least 1`,
    ]);
    expect(errors(lesson(STEP, 'id: demo\ntitle: "Demo\nsummary: x'))[0]).toMatch(/^lessons\/en\/03-demo\.md:4: front matter is not valid YAML: Missing closing "quote/);
  });

  it('checks that order agrees with the file name', () => {
    expect(errors(lesson(STEP, 'id: demo\ntitle: Demo\nsummary: x\norder: 4'))).toEqual([
      `${SOURCE}:1: "order: 4" disagrees with the file name's number 03: change one of them`,
    ]);
    const builtIn = compileLesson(lesson(STEP, 'id: demo\ntitle: Demo\nsummary: x'), { lang: 'en', source: 'lessons/en/demo.md', requireOrder: true });
    expect(builtIn.ok ? [] : builtIn.errors.map(formatCompileError)).toEqual(['lessons/en/demo.md:1: give the lesson an "order" in the front matter, or start its file name with a number ("01-...")']);
    const teacher = compileLesson(lesson(STEP, 'id: demo\ntitle: Demo\nsummary: x'), { lang: 'en', source: 'https://school.example/k8s/mine.md' });
    expect(teacher.ok && teacher.lesson.order).toBe(1);
  });
});

describe('steps', () => {
  it('splits the intro and one step per ## heading, with explicit or slug ids', () => {
    const l = compiled(lesson('Welcome **here**.\n\n## Start the `control plane` {#init}\n\nOne.\n\n### A sub-heading\n\nStill one.\n\n## Únete al clúster\n\nTwo.\n'));
    expect(l.introHtml).toBe('<p>Welcome <strong>here</strong>.</p>');
    expect(l.steps.map((s) => [s.id, s.title, s.titleHtml, s.line])).toEqual([
      ['init', 'Start the control plane', 'Start the <code>control plane</code>', 8],
      ['unete-al-cluster', 'Únete al clúster', 'Únete al clúster', 16],
    ]);
    expect(l.steps[0]!.html).toBe('<p>One.</p>\n<h3>A sub-heading</h3>\n<p>Still one.</p>');
  });

  it('needs at least one step, unique ids and well-formed explicit ids', () => {
    expect(errors(lesson('Only an intro.\n'))).toEqual([`${SOURCE}:6: a lesson needs at least one step: start each step with a "## Title" line`]);
    expect(errors(lesson('## One {#same}\n\n## Two {#same}\n\n## Three {#Bad_Id}\n'))).toEqual([
      `${SOURCE}:8: step id "same" is already used by the step on line 6: give one of them another {#id}`,
      `${SOURCE}:10: step id "{#Bad_Id}" must be lowercase letters, digits and dashes, like {#join-node2}`,
    ]);
  });

  it('slugs titles without accents or punctuation', () => {
    expect(slugify('Arrancar el clúster: ¡ya!')).toBe('arrancar-el-cluster-ya');
  });
});

describe('runnable blocks', () => {
  it('become placeholders in the HTML, numbered across the lesson, with their node and text', () => {
    const l = compiled(lesson('## One\n\n```bash node1\nhostname -i\n```\n\n## Two\n\n```bash node2 may-fail\nkubectl apply -n kube-system -f \\\n"https://example.com/x"\n```\n\n```text\nshown only\n```\n'));
    expect(l.steps[0]!.html).toBe('<div data-kp-block="0"></div>');
    expect(l.steps[1]!.html).toBe('<div data-kp-block="1"></div>\n<pre><code class="language-text">shown only\n</code></pre>');
    expect(l.steps.flatMap((s) => s.blocks)).toEqual([
      { index: 0, node: 'node1', command: 'hostname -i', variables: [], mayFail: false, line: 8 },
      { index: 1, node: 'node2', command: 'kubectl apply -n kube-system -f \\\n"https://example.com/x"', variables: [], mayFail: true, line: 14 },
    ]);
  });

  it('are found inside lists too', () => {
    const l = compiled(lesson('## One\n\n1. First:\n\n   ```bash node2\n   {{joinCommand}}\n   ```\n'));
    expect(l.steps[0]!.blocks).toEqual([{ index: 0, node: 'node2', command: '{{joinCommand}}', variables: ['joinCommand'], mayFail: false, line: 10 }]);
    expect(l.steps[0]!.html).toContain('<div data-kp-block="0"></div>');
  });

  it('reports unknown nodes, options, variables, empty blocks and blocks in the intro', () => {
    expect(errors(lesson('```bash node1\nls\n```\n\n## One\n\n```bash nod2\nls\n```\n\n```bash node1 --fast\nls\n```\n\n```yaml node1\na: 1\n```\n\n```bash node1\n\n```\n\n```bash node2\necho ok\n{{joinComand}}\n```\n'))).toEqual([
      `${SOURCE}:6: runnable blocks belong to a step: move this \`\`\`bash node1 block under a "## Step" heading`,
      `${SOURCE}:12: unknown node "nod2" in \`\`\`bash nod2: this playground has node1 and node2 (e.g. \`\`\`bash node1)`,
      `${SOURCE}:16: unknown option "--fast" after \`\`\`bash node1; options are may-fail, interrupt-after=<duration>`,
      `${SOURCE}:20: only shell blocks run on a node: write \`\`\`bash node1 (or drop "node1" to just show this block)`,
      `${SOURCE}:24: this \`\`\`bash node1 block is empty: write the command to run`,
      `${SOURCE}:30: unknown variable {{joinComand}} (did you mean joinCommand?); variables are {{joinCommand}}, {{joinToken}}, {{caCertHash}}, {{apiServerEndpoint}}, {{webuiUrl}}`,
    ]);
  });
});

describe('checks', () => {
  it('are parsed from ```check blocks and never shown', () => {
    const l = compiled(lesson('## One\n\nText.\n\n```check\n- control-plane-up: { host: node1 }\n- pods-ready:\n    namespace: kube-system\n    selector: name=weave-net\n    count: 2\n```\n'));
    expect(l.steps[0]!.html).toBe('<p>Text.</p>');
    expect(l.steps[0]!.checks).toEqual([
      { predicate: 'control-plane-up', args: { host: 'node1' }, line: 11 },
      { predicate: 'pods-ready', args: { namespace: 'kube-system', selector: 'name=weave-net', count: 2 }, line: 12 },
    ]);
  });

  it('report unknown predicates and bad arguments at their line', () => {
    expect(errors(lesson('## One\n\n```check\n- nodes-ready: { count: 2 }\n- node-redy: { node: node2 }\n- nodes-ready: { count: 0 }\n```\n'))).toEqual([
      `${SOURCE}:10: unknown check "node-redy" (did you mean nodes-ready?); checks are control-plane-up, kubectl-configured, node-joined, nodes-ready, pods-ready, pods-spread, deployment-ready, rollout-complete, pods-created, service-endpoints, object-exists, object-absent, file-exists, file-contains, compose-running, hash-rate, compose-down`,
      `${SOURCE}:11: "count" of nodes-ready must be a whole number of at least 1, got 0`,
    ]);
  });

  it('must be a YAML list of single-key items, in a step', () => {
    expect(errors(lesson('```check\n- nodes-ready: { count: 1 }\n```\n\n## One\n\n```check\nnodes-ready: 2\n```\n\n```check\n- nodes-ready: 2\n- a: 1\n  b: 2\n```\n\n```check\n```\n\n```check\n- [unclosed\n```\n'))).toEqual([
      `${SOURCE}:6: checks belong to a step: move this \`\`\`check block under a "## Step" heading`,
      `${SOURCE}:13: a check block is a YAML list, one check per "- " line, e.g. "- nodes-ready: { count: 2 }"`,
      `${SOURCE}:17: the arguments of nodes-ready are a map, e.g. "- nodes-ready: { name: value }"`,
      `${SOURCE}:18: each check is one "name: arguments" item, e.g. "- nodes-ready: { count: 2 }"`,
      `${SOURCE}:22: this check block is empty: list at least one check, e.g. "- nodes-ready: { count: 2 }"`,
      expect.stringMatching(/^lessons\/en\/03-demo\.md:26: this check block is not valid YAML/),
    ]);
  });
});

describe('HTML safety', () => {
  it('shows raw HTML as text and keeps only safe links, opening in a new tab', () => {
    const l = compiled(lesson('<script>alert(1)</script>\n\n## One\n\nA <img src=x onerror=alert(1)> [doc](https://kubernetes.io/docs/) [anchor](#top) [evil](javascript:alert(1)) ![pic](data:text/html,x)\n'));
    expect(l.introHtml).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(l.steps[0]!.html).toBe('<p>A &lt;img src=x onerror=alert(1)&gt; <a href="https://kubernetes.io/docs/" target="_blank" rel="noopener noreferrer">doc</a> <a href="#top">anchor</a> evil pic</p>');
  });
});
