import type { components, FieldError } from '@cims/api-client';

export type TTag = components['schemas']['Tag'];
export type TTagInput = components['schemas']['TagInput'];
export type TTagKind = TTag['kind'];
export type TBulkTagging = components['schemas']['BulkTagging'];

export const TAG_KINDS = ['manual', 'automatic'] as const satisfies readonly TTagKind[];

/** What a tag without a definition (or before the definitions load) is shown in. */
export const UNDEFINED_TAG_COLOR = '#8c8c8c';
/** What the colour picker offers a tag being defined for the first time. */
export const NEW_TAG_COLOR = '#2f6fed';

/** The contract's limits (TagName, TagInput, BulkTagging). */
export const TAG_NAME_MAX = 30;
export const TAG_DESCRIPTION_MAX = 200;
export const BULK_TAGS_MAX = 10;
export const BULK_CUSTOMERS_MAX = 200;

const COLOR = /^#[0-9a-f]{6}$/i;

/** The colour a chip shows: the definition's, or grey for a tag nobody defined (or an unreadable one). */
export function tagColorOf(tag: Pick<TTag, 'color'> | undefined): string {
  return tag?.color && COLOR.test(tag.color) ? tag.color.toLowerCase() : UNDEFINED_TAG_COLOR;
}

/** Colours by tag name, for the chips of a list to look up without searching the array each time. */
export function tagColorsByName(tags: readonly TTag[] | undefined): ReadonlyMap<string, string> {
  return new Map((tags ?? []).map((tag) => [tag.name, tagColorOf(tag)]));
}

/**
 * A chip's look for a colour: the colour as its border and a light wash of it behind the text, so the
 * text keeps the chip's usual dark colour and contrast whatever colour was picked.
 */
export function tagChipStyle(color: string): { borderColor: string; backgroundColor: string } {
  // `1f` is the alpha of an eight-digit hex colour: about 12%.
  return { borderColor: color, backgroundColor: `${color}1f` };
}

// The ideographic comma is what a Chinese IME types for ','; all three separate tags (as in TagsInput).
const SEPARATORS = /[,，、]/;

/** The tags typed in one box, separated by commas: trimmed, without blanks or repeats, in order. */
export function parseTagNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(SEPARATORS)
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ),
  ];
}

/** Why typed tags cannot be sent (the API would refuse them with the same limits), or null. */
export function tagNamesProblem(names: readonly string[]): 'required' | 'tooMany' | 'tooLong' | null {
  if (names.length === 0) return 'required';
  if (names.length > BULK_TAGS_MAX) return 'tooMany';
  if (names.some((name) => name.length > TAG_NAME_MAX)) return 'tooLong';
  return null;
}

/** The request that adds (or removes) the tags on the selected customers, in the order they were picked. */
export function bulkTaggingOf(
  customerIds: readonly string[],
  action: 'add' | 'remove',
  names: readonly string[],
): TBulkTagging {
  return { customerIds: [...customerIds], [action]: [...names] };
}

const CUSTOMER_ID_PATH = /^\/customerIds\/(\d+)$/;

/**
 * The customers a refused bulk tagging names. The API names them by their place in `customerIds`
 * (`/customerIds/3`); this maps the place back to the selected customer it was sent for. Problems about
 * other fields come back with `customer` null.
 */
export function bulkTaggingProblems<T extends { id: string }>(
  errors: readonly FieldError[] | undefined,
  sent: readonly T[],
): { customer: T | null; message: string }[] {
  return (errors ?? []).map((error) => {
    const match = CUSTOMER_ID_PATH.exec(error.path);
    const customer = match ? (sent[Number(match[1])] ?? null) : null;
    return { customer, message: error.message };
  });
}

export type TTagFormValues = { name: string; color: string; description: string; kind: TTagKind };

/** The edit form's values for a tag (defined or only in use), or for a new one. */
export function tagFormValuesOf(tag: TTag | null): TTagFormValues {
  return {
    name: tag?.name ?? '',
    color: tag?.color && COLOR.test(tag.color) ? tag.color.toLowerCase() : NEW_TAG_COLOR,
    description: tag?.description ?? '',
    kind: tag?.kind ?? 'manual',
  };
}

export function tagInputOf(values: TTagFormValues): TTagInput {
  const description = values.description.trim();
  return { color: values.color.toLowerCase(), description: description || null, kind: values.kind };
}

/** The customer list filtered by the tag, as the tags page links its counts. */
export function customersWithTagHref(name: string): string {
  return `/customers?${new URLSearchParams({ tag: name }).toString()}`;
}
