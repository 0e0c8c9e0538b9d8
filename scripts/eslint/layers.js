// A local ESLint rule that enforces the layer architecture on resolved paths, not on import strings:
// src/engine < src/shell < src/lessons < src/store < src/ui. A file may import its own layer freely,
// a lower layer only through that layer's index.ts, and never a higher layer.
import path from 'node:path';

export const LAYERS = ['engine', 'shell', 'lessons', 'store', 'ui'];

function layerOf(file) {
  const rel = path.relative(path.resolve('src'), file).split(path.sep);
  if (rel[0] === '..' || rel.length < 2) return undefined;
  return LAYERS.includes(rel[0]) ? rel[0] : undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports point down the layers, through each layer\'s index.ts (docs/architecture.md).' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (from === undefined) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      const to = layerOf(target.endsWith('.ts') || target.endsWith('.tsx') ? target : `${target}/x.ts`) ?? layerOf(target);
      if (to === undefined || to === from) return;
      if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) {
        context.report({ node, message: `${from} sits below ${to}: imports point down the layers only (docs/architecture.md).` });
        return;
      }
      const layerRoot = path.resolve('src', to);
      if (target !== layerRoot && target !== path.join(layerRoot, 'index') && target !== path.join(layerRoot, 'index.ts')) {
        context.report({ node, message: `Import ${to} through src/${to}/index.ts: a layer's internals are its own business.` });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { layers: rule } };
