/**
 * graphql-js and graphql-jit quote the offending input value in their request errors ("Variable
 * "$input" got invalid value { name: "…" } …", "String cannot represent a non string value: …",
 * "Syntax Error: Expected Name, found String "…""). An input may be a credential, which is personal
 * data, and these messages reach the caller and the log. This rewrites such a message so that it
 * names the variable, field, path and type but never a value. The known templates are rebuilt from
 * their names; whatever else is quoted and is not a name is replaced by "…".
 */

const NAME = '[_A-Za-z][_0-9A-Za-z]*';
const TYPE = `\\[*${NAME}!?(?:\\]!?)*`;
const PATH = `${NAME}(?:\\.${NAME}|\\[\\d+\\])*`;
const LONGEST_NAME = 64;
const isName = new RegExp(`^(?:\\$?${PATH}|${TYPE}|\\$${NAME})$`);

/** Why a variable's value was refused, from the names in the message only (first match wins). */
const VARIABLE_REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [new RegExp(`Field "(${NAME})" is not defined by type "(${NAME})"`), (m) => `Field "${m[1]}" is not defined by type "${m[2]}".`],
  [new RegExp(`Field "(${NAME})" of required type "(${TYPE})" was not provided`), (m) => `Field "${m[1]}" of required type "${m[2]}" was not provided.`],
  [new RegExp(`Expected type "?(${TYPE})"? to be an object`), (m) => `Expected type "${m[1]}" to be an object.`],
  [new RegExp(`Expected non-nullable type "?(${TYPE})"? not to be null`), (m) => `Expected non-nullable type "${m[1]}" not to be null.`],
  [/((?:String|Int|Float|Boolean|ID) cannot represent (?:[a-z0-9 -]+ )?value)/, (m) => `${m[1]}.`],
  [new RegExp(`(Enum "${NAME}" cannot represent non-string value)`), (m) => `${m[1]}.`],
  [new RegExp(`does not exist in "(${NAME})" enum`), (m) => `The value does not exist in "${m[1]}" enum.`],
  [new RegExp(`Expected type "?(${TYPE})"?`), (m) => `Expected type "${m[1]}".`],
];

export function withoutInputValues(message: string): string {
  const variable = new RegExp(`^Variable "\\$(${NAME})" got invalid value `).exec(message);
  if (variable) {
    const rest = message.slice(variable[0].length);
    const at = new RegExp(` at "(${variable[1]}(?:\\.${NAME}|\\[\\d+\\])*)"; `).exec(rest);
    const reason = VARIABLE_REASONS.map(([pattern, say]) => {
      const m = pattern.exec(rest);
      return m && say(m);
    }).find((r) => r);
    return quotedNamesOnly(`Variable "$${variable[1]}" got an invalid value${at ? ` at "${at[1]}"` : ''}; ${reason ?? 'it does not match its type.'}`);
  }
  const rewritten = message
    // "String cannot represent a non string value: <value>" (literals and custom scalars' messages)
    .replace(/^((?:String|Int|Float|Boolean|ID) cannot represent (?:[a-z0-9 -]+ )?value): [\s\S]*$/, '$1.')
    .replace(new RegExp(`^(Enum "${NAME}" cannot represent non-string value): [\\s\\S]*$`), '$1.')
    .replace(new RegExp(`^Expected value of type "(${TYPE})", found [\\s\\S]*$`), 'Expected value of type "$1", found a value of another type.')
    .replace(new RegExp(`^Value [\\s\\S]* does not exist in "(${NAME})" enum\\.[\\s\\S]*$`), 'The value does not exist in "$1" enum.')
    // A syntax error names the token it stopped at, a string's content included.
    .replace(/^(Syntax Error: [\s\S]*?(?:found|Unexpected)) (String|BlockString|Name|Int|Float) [\s\S]*$/, '$1 $2.');
  return quotedNamesOnly(rewritten);
}

/** The net under the templates: a quoted part that is not a short name, one character or a punctuator is dropped. */
function quotedNamesOnly(message: string): string {
  return message.replace(/"((?:[^"\\]|\\.)*)"/g, (quoted, inner: string) =>
    (isName.test(inner) && inner.length <= LONGEST_NAME) || inner.length <= 1 || /^[!$&().:=@[\]{}|]{1,3}$/.test(inner) ? quoted : '"…"',
  );
}
