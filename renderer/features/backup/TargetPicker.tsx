import { Alert, Badge, Button, Card, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconFolder, IconRefresh, IconUsb } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, isElectron } from '../../lib/ipc';
import { formatBytes, useDrives } from './queries';

/**
 * Where to write or read backups: the removable drives (refreshed when one is plugged in), or a folder
 * (Electron: the native dialog; browser mode: a typed path).
 */
export function TargetPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (path: string) => void;
}) {
  const { t } = useTranslation();
  const drives = useDrives();
  const [folder, setFolder] = useState('');
  const list = drives.data ?? [];
  const pick = async () => {
    const r = await call('backup:pickFolder');
    if (r.path) onChange(r.path);
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600}>{t('backup.drives.title')}</Text>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconRefresh size={14} />}
          onClick={() => void drives.refetch()}
          loading={drives.isFetching}
        >
          {t('backup.drives.refresh')}
        </Button>
      </Group>
      {list.length === 0 && !drives.isPending && (
        <Alert color="gray" icon={<IconUsb size={18} />}>
          {t('backup.drives.none')}
        </Alert>
      )}
      <Radio.Group value={value ?? ''} onChange={onChange}>
        <Stack gap="xs" data-testid="drive-list">
          {list.map((d) => (
            <Card
              key={d.id}
              withBorder
              padding="sm"
              data-testid={`drive-${d.label}`}
              style={{ cursor: 'pointer' }}
              onClick={() => onChange(d.path)}
            >
              <Group wrap="nowrap">
                <Radio value={d.path} aria-label={d.label} />
                <IconUsb size={28} stroke={1.4} />
                <Stack gap={0} style={{ flex: 1 }}>
                  <Group gap="xs">
                    <Text fw={600}>{d.label}</Text>
                    {d.fsType && <Badge variant="light">{d.fsType}</Badge>}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {d.sizeBytes
                      ? t('backup.drives.free', {
                          free: formatBytes(d.freeBytes),
                          size: formatBytes(d.sizeBytes),
                        })
                      : t('backup.drives.freeOnly', { free: formatBytes(d.freeBytes) })}
                    {' · '}
                    {d.path}
                  </Text>
                  {(d.fsType === 'FAT32' || d.fsType === 'FAT16') && (
                    <Text size="xs" c="dimmed">
                      {t('backup.drives.fat32')}
                    </Text>
                  )}
                </Stack>
              </Group>
            </Card>
          ))}
        </Stack>
      </Radio.Group>
      <Text fw={600} mt="xs">
        {t('backup.drives.folderTitle')}
      </Text>
      {isElectron ? (
        <Group>
          <Button variant="default" leftSection={<IconFolder size={16} />} onClick={() => void pick()}>
            {t('backup.drives.pickFolder')}
          </Button>
        </Group>
      ) : (
        <Group align="flex-end">
          <TextInput
            label={t('backup.drives.folderLabel')}
            description={t('backup.drives.folderHint')}
            value={folder}
            onChange={(e) => setFolder(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button variant="default" disabled={!folder.trim()} onClick={() => onChange(folder.trim())}>
            {t('backup.drives.folderUse')}
          </Button>
        </Group>
      )}
      {value && (
        <Text size="sm" data-testid="backup-target">
          {t('backup.drives.chosen', { path: value })}
        </Text>
      )}
    </Stack>
  );
}
