export interface Token {
  type: 'name' | 'number' | 'string' | 'template' | 'regex' | 'punct';
  value: string;
  depth: number;
}
export function tokenize(code: string): Token[];
export function staticImportSpecifiers(code: string): string[];
