import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PermitViewWarning } from '../../../shared/schemas/permit';

/** Warnings are not refusals: the permit is saved, and the clerk sees what to check on the certificate. */
export function WarningList({ warnings, compact }: { warnings: PermitViewWarning[]; compact?: boolean }) {
  const { t } = useTranslation();
  if (!warnings.length) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      p={compact ? 6 : undefined}
      icon={compact ? undefined : <IconAlertTriangle size={18} />}
      data-testid="permit-warning"
    >
      <List size="sm" spacing={2}>
        {warnings.map((w, i) => (
          <List.Item key={i}>{t(`permits.warning.${w.code}`, w.params)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
