/**
 * API errors as typed values. `message` is the server's message; `toKubectl()` is what kubectl
 * prints for it ("Error from server (NotFound): pods \"web\" not found").
 */
export type ApiErrorReason = 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'Forbidden' | 'MethodNotAllowed';

export class ApiError {
  constructor(
    readonly reason: ApiErrorReason,
    readonly message: string,
    /** An Invalid error's field errors one by one (Status.details.causes), which kubectl lists. */
    readonly causes?: readonly string[],
  ) {}

  toKubectl(): string {
    return `Error from server (${this.reason}): ${this.message}`;
  }
}

/** `pods "web" not found`, `deployments.apps "web" not found`. */
export function notFound(resource: string, name: string): ApiError {
  return new ApiError('NotFound', `${resource} "${name}" not found`);
}

export function alreadyExists(resource: string, name: string): ApiError {
  return new ApiError('AlreadyExists', `${resource} "${name}" already exists`);
}

export function conflict(resource: string, name: string): ApiError {
  return new ApiError(
    'Conflict',
    `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  );
}

/** `Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0` */
export function invalid(kindGroup: string, name: string, causes: readonly string[]): ApiError {
  const detail = causes.length === 1 ? causes[0]! : `[${causes.join(', ')}]`;
  return new ApiError('Invalid', `${kindGroup} "${name}" is invalid: ${detail}`, causes);
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export const okResult = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const errResult = <T>(error: ApiError): ApiResult<T> => ({ ok: false, error });
