import { Table, type TableThProps } from '@mantine/core';

/** A header cell: its label, null for an empty one, or the label with the cell's props (width, alignment). */
export type HeadColumn = string | null | ({ label: string } & Omit<TableThProps, 'children'>);

/** The header row of a table, one cell per column. */
export function TableHead({ columns }: { columns: readonly HeadColumn[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c, i) => {
          const { label, ...th } = c === null || typeof c === 'string' ? { label: c } : c;
          return (
            <Table.Th key={i} {...th}>
              {label}
            </Table.Th>
          );
        })}
      </Table.Tr>
    </Table.Thead>
  );
}
