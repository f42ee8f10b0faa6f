/**
 * A row of pressable buttons (`segmented`), for one choice among a few (views, layouts) or several at
 * once (filter chips): the caller says which are pressed and what a press does.
 */
export function ToggleButtons<T extends string>({
  label,
  options,
  isPressed,
  onPress,
}: {
  label: string;
  options: readonly { value: T; label: string }[];
  isPressed: (value: T) => boolean;
  onPress: (value: T) => void;
}) {
  return (
    <fieldset className="segmented segmented--wrap">
      <legend className="visually-hidden">{label}</legend>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          className="segmented__option"
          aria-pressed={isPressed(option.value)}
          onClick={() => onPress(option.value)}
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );
}
