import { GraphQLError } from 'graphql';

/** The error codes a client can branch on, carried in `extensions.code`. */
export type KontraErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT';

/** One problem with one input field, so a form can show it next to the field. */
export interface FieldProblem {
  path: string;
  message: string;
}

function kontraError(code: KontraErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const unauthenticated = (message = 'Authentication required: send `Authorization: Bearer <api key>`') =>
  kontraError('UNAUTHENTICATED', message, { http: { status: 401 } });

export const forbidden = (message: string) => kontraError('FORBIDDEN', message);

export const notFound = (entity: string, id: string) =>
  kontraError('NOT_FOUND', `${entity} ${id} not found`, { entity, id });

export const badUserInput = (message: string, problems: FieldProblem[] = []) =>
  kontraError('BAD_USER_INPUT', message, problems.length ? { problems } : {});

export const conflict = (entity: string, id: string, expectedVersion: number, actualVersion: number) =>
  kontraError(
    'CONFLICT',
    `${entity} ${id} was changed by someone else (you have version ${expectedVersion}, it is now ${actualVersion}); reload and retry`,
    { entity, id, expectedVersion, actualVersion },
  );
