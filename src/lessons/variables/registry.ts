/** Every template variable a runnable block may use, by name. */
import { apiServerEndpoint, caCertHash, joinCommand, joinToken } from './clusterVariables';
import type { TemplateVariable } from './types';
import { webuiUrlVariable } from './webuiUrl';

export const VARIABLES: readonly TemplateVariable[] = [joinCommand, joinToken, caCertHash, apiServerEndpoint, webuiUrlVariable];

const BY_NAME = new Map(VARIABLES.map((v) => [v.name, v]));

export function variableNamed(name: string): TemplateVariable | undefined {
  return BY_NAME.get(name);
}
