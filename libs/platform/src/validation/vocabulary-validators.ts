import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isCountryCode } from '../vocabularies/countries.js';
import { isLanguageCode } from '../vocabularies/languages.js';
import { isEqfLevel, isIscedFCode, legalIdentifierProblem } from '../vocabularies/vocabularies.js';

/**
 * class-validator decorators for the controlled vocabularies, so that DTOs say what they accept in
 * one word and every refusal names the field and the expected form.
 */
export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCountryCode',
      validator: {
        validate: (value) => typeof value === 'string' && isCountryCode(value),
        defaultMessage: () => 'must be an ISO 3166-1 alpha-2 country code in capitals, e.g. "FI"',
      },
    },
    options,
  );
}

export function IsLanguageCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLanguageCode',
      validator: {
        validate: (value) => typeof value === 'string' && isLanguageCode(value),
        defaultMessage: () => 'must be an ISO 639-1 language code in lower case, e.g. "de"',
      },
    },
    options,
  );
}

export function IsEqfLevel(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEqfLevel',
      validator: {
        validate: (value) => typeof value === 'number' && isEqfLevel(value),
        defaultMessage: () => 'must be an EQF level from 1 to 8',
      },
    },
    options,
  );
}

export function IsIscedFCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIscedFCode',
      validator: {
        validate: (value) => typeof value === 'string' && isIscedFCode(value),
        defaultMessage: () => 'must be an ISCED-F 2013 field code (2, 3 or 4 digits), e.g. "0613"',
      },
    },
    options,
  );
}

export function IsLegalIdentifier(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLegalIdentifier',
      validator: {
        validate: (value) => typeof value === 'string' && legalIdentifierProblem(value) === undefined,
        defaultMessage: (args) => legalIdentifierProblem(String(args?.value ?? '')) ?? 'is not a legal identifier',
      },
    },
    options,
  );
}
