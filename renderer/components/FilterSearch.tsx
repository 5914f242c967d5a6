import { TextInput } from '@mantine/core';

/** The free-text search of a list's filter row: it takes the room the other filters leave. */
export function FilterSearch(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextInput
      style={{ flex: 1, minWidth: 220 }}
      label={props.label}
      placeholder={props.placeholder}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}
