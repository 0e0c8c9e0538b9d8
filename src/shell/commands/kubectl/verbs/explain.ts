/**
 * kubectl explain RESOURCE[.FIELD...]: the documentation of a kind or of one of its fields in
 * v1.27's plaintext layout (GROUP for named groups, KIND, VERSION, FIELD, DESCRIPTION, FIELDS
 * with `name<TAB><type>`, -required- and enum values), or the whole tree with --recursive. The
 * words are ours (explainData.ts); kinds it does not document get their common fields only.
 */
import { resolveResourceType, type ResourceType } from '../../../../engine';
import type { Program } from '../../../types';
import { flagBool } from '../flags';
import { connectOrReport, fail, type Invocation, type Verb } from '../invocation';
import { unknownType } from '../resources';
import { EXPLAINED, type ExplainedKind, type Field } from './explainData';

const WIDTH = 76;

function wrap(text: string, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => `${indent}${l}\n`).join('');
}

function fieldLine(name: string, field: Field, indent: string): string {
  return `${indent}${name}\t<${field.type}>${field.required ? ' -required-' : ''}\n`;
}

function fieldsBlock(fields: Readonly<Record<string, Field>>, recursive: boolean, indent = '  '): string {
  let out = '';
  for (const name of Object.keys(fields).sort()) {
    const field = fields[name]!;
    out += fieldLine(name, field, indent);
    if (recursive) {
      if (field.fields) out += fieldsBlock(field.fields, true, `${indent}  `);
      continue;
    }
    if (field.enum) out += `${indent}enum: ${field.enum.join(', ')}\n`;
    out += `${wrap(field.description, `${indent}  `)}\n`;
  }
  return out;
}

/** A kind this playground does not document: its place in the API and the fields every object has. */
function undocumented(type: ResourceType): ExplainedKind {
  const common = EXPLAINED[0]!.fields;
  return {
    kind: type.kind, group: type.group, version: type.version,
    description: `${type.kind} is part of the ${type.group || 'core'} API group. This playground only documents its common fields.`,
    fields: { apiVersion: common.apiVersion!, kind: common.kind!, metadata: common.metadata! },
  };
}

function* run(inv: Invocation): Program {
  const target = inv.args[0];
  if (target === undefined) {
    inv.err('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    inv.err("error: Required resource not specified.\nSee 'kubectl explain -h' for help and examples\n");
    return 1;
  }
  if (inv.args.length > 1) return fail(inv, 'We accept only this format: explain RESOURCE');
  const conn = yield* connectOrReport(inv);
  if (typeof conn === 'number') return conn;
  const [resource, ...path] = target.split('.');
  const type = resolveResourceType(resource!);
  if (!type) return fail(inv, unknownType(resource!));
  const doc = EXPLAINED.find((k) => k.kind === type.kind && k.group === type.group) ?? undocumented(type);
  let fields: Readonly<Record<string, Field>> | undefined = doc.fields;
  let field: Field | undefined;
  let name = '';
  for (const part of path) {
    field = fields?.[part];
    if (!field) return fail(inv, `field "${part}" does not exist`);
    name = part;
    fields = field.fields;
  }
  const recursive = flagBool(inv.flags, 'recursive');
  let out = `${doc.group ? `GROUP:      ${doc.group}\n` : ''}KIND:       ${doc.kind}\nVERSION:    ${doc.version}\n\n`;
  if (field) {
    out += `FIELD: ${name} <${field.type}>\n\n`;
    if (field.enum) out += `ENUM:\n${field.enum.map((e) => `    ${e}\n`).join('')}\n`;
  }
  out += `DESCRIPTION:\n${wrap(field ? field.description : doc.description, '    ')}\n`;
  if (fields) out += `FIELDS:\n${fieldsBlock(fields, recursive)}${recursive ? '\n' : ''}`;
  inv.out(out);
  return 0;
}

export const explain: Verb = {
  name: 'explain',
  summary: 'Get documentation for a resource',
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [options]',
  help: [
    'Describe the fields of a kind of resource, and each field\'s type.',
    '',
    ' Name a field with dots after the resource: pod.spec.containers. Resources and fields come from the API server\'s',
    'schema, for the version it prefers unless --api-version names another.',
    '',
    'Examples:',
    '  # What a pod is, and its top-level fields',
    '  kubectl explain pods',
    '  ',
    '  # The fields of a container',
    '  kubectl explain pod.spec.containers',
    '  ',
    '  # Every field of a deployment, as a tree',
    '  kubectl explain deployment --recursive',
  ].join('\n'),
  flags: [
    { name: 'recursive', kind: 'bool', description: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.', defaultText: 'false' },
    { name: 'api-version', kind: 'string', description: 'Use given api-version (group/version) of the resource.', defaultText: "''" },
    { name: 'output', short: 'o', kind: 'string', description: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).', defaultText: "'plaintext'" },
  ],
  run,
};
