import { useMemo } from 'react';
import { useTags } from './queries';
import { tagChipStyle, tagColorOf, tagColorsByName } from './tag-values';

/** The colours of all tags by name, from the one cached tag list; grey for any not (yet) known. */
export function useTagColors(): (name: string) => string {
  const tags = useTags();
  const colors = useMemo(() => tagColorsByName(tags.data), [tags.data]);
  return (name) => colors.get(name) ?? tagColorOf(undefined);
}

/** One tag, in the colour of its definition. */
export function TagChip({
  name,
  color,
  as: Element = 'span',
}: {
  name: string;
  color: string;
  as?: 'span' | 'li';
}) {
  return (
    <Element className="tag" style={tagChipStyle(color)}>
      {name}
    </Element>
  );
}

/** A customer's tags as coloured chips: a list with its label, or nothing when there are none. */
export function TagChips({ tags, label }: { tags: readonly string[]; label?: string }) {
  const colorOf = useTagColors();
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={label}>
      {tags.map((tag) => (
        <TagChip key={tag} as="li" name={tag} color={colorOf(tag)} />
      ))}
    </ul>
  );
}
