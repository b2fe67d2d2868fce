import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';

interface Problem {
  path: string;
  message: string;
}

function problemsOf(errors: readonly ValidationError[], parent = ''): Problem[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...problemsOf(error.children ?? [], path)];
  });
}

/**
 * Gives every error a typed code: class-validator failures become BAD_USER_INPUT with one problem
 * per field; anything unexpected is logged and hidden behind INTERNAL_SERVER_ERROR.
 */
export function createErrorFormatter(logUnexpected: (error: unknown, path: GraphQLFormattedError['path']) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    if (original instanceof ArgumentValidationError) {
      return {
        ...formatted,
        message: 'The input is invalid',
        extensions: {
          code: 'BAD_USER_INPUT',
          problems: problemsOf(original.extensions.validationErrors as ValidationError[]),
        },
      };
    }
    const code = formatted.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' && !(original instanceof GraphQLError)) {
      logUnexpected(original, formatted.path);
      return { message: 'Internal server error', path: formatted.path, extensions: { code } };
    }
    return formatted;
  };
}
