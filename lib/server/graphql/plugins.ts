import 'server-only';
import { Kind, visit, type ASTNode, type ASTVisitor, type DocumentNode, type ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Introspection off (production): schema discovery is for developers, not attackers. An
 * AST-only rule (no type checks), so it works whichever copy of `graphql` validates.
 */
export function useDisableIntrospection(): Plugin {
  const rule = (context: ValidationContext): ASTVisitor => ({
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(createGraphQLError(`GraphQL introspection has been disabled, but the query asked for "${node.name.value}".`, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
      }
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}

type Walked = ASTNode | readonly ASTNode[];
const isNode = (value: Walked | undefined): value is ASTNode => Boolean(value) && !Array.isArray(value) && typeof value === 'object' && 'kind' in (value as object);

/** `input.items[3].quantity` for the value node an error points at, found by walking the document. */
function valuePathOf(document: DocumentNode, target: ASTNode): string | null {
  let found: string | null = null;
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (found !== null) return false;
      if (node !== target) return undefined;
      // visit() lists the ancestors above the parent; the chain holds nodes and node arrays.
      const chain = [...(ancestors as Walked[]), parent as Walked, node];
      let out = '';
      chain.forEach((step, index) => {
        if (!isNode(step)) return;
        if (step.kind === Kind.ARGUMENT || step.kind === Kind.OBJECT_FIELD) out = out ? `${out}.${step.name.value}` : step.name.value;
        if (step.kind === Kind.LIST) {
          const values = chain[index + 1];
          const element = chain[index + 2];
          if (Array.isArray(values) && isNode(element)) out = `${out}[${values.indexOf(element)}]`;
        }
      });
      found = out;
      return false;
    },
  });
  return found;
}

/** The first segment is the argument or variable name (`input`, `$i`): clients name fields below it. */
const withoutInputPrefix = (field: string) => field.replace(/^[A-Za-z_]\w*\./, '');

/**
 * Bad values caught by GraphQL itself (a literal 1e12 for an Int, a missing field, a
 * variable of the wrong type) become BAD_USER_INPUT naming the field, like the service's
 * own refusals. Nothing has executed at that point, so nothing was written.
 */
export function useBadUserInputCodes(): Plugin {
  return {
    onValidate({ params }) {
      return ({ result, setResult }) => {
        if (!result.length) return;
        setResult(
          result.map((error) => {
            const node = error.nodes?.[0];
            const field = node ? valuePathOf(params.documentAST, node) : null;
            const isValue = field !== null && /cannot represent|Expected value of type|is not defined by type|of required type|Expected type/.test(error.message);
            if (!isValue) return error;
            const name = withoutInputPrefix(field);
            return createGraphQLError(`${name}: ${error.message}`, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT', field: name } });
          }),
        );
      };
    },
    // yoga's own request errors (a body that is not JSON, no query) are bad input too.
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
      const errors = result.errors.map((error) =>
        error.extensions?.code === 'BAD_REQUEST'
          ? createGraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', field: 'body', http: { status: 400 } } })
          : error,
      );
      setResult({ ...result, errors });
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length || result.data) return;
          setResult({
            ...result,
            errors: result.errors.map((error) => {
              const match = /^Variable "\$\w+" got invalid value .* at "([^"]+)"/.exec(error.message) ?? /^Variable "\$(\w+)" of required type/.exec(error.message);
              if (!match || error.extensions?.code) return error;
              const name = withoutInputPrefix(match[1]!);
              return createGraphQLError(`${name}: ${error.message}`, { nodes: error.nodes, extensions: { ...error.extensions, code: 'BAD_USER_INPUT', field: name } });
            }),
          });
        },
      };
    },
  };
}
