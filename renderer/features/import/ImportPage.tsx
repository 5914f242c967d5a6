import { Alert, Button, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from '../../../shared/import/clean';
import type { InspectAnswer } from '../../../shared/schemas/import';
import { call } from '../../lib/ipc';
import { CommitStep } from './CommitStep';
import { DecisionsStep } from './DecisionsStep';
import { DryRunStep } from './DryRunStep';
import { FileStep } from './FileStep';
import { ImportHistory } from './ImportHistory';
import { MappingStep } from './MappingStep';
import { errorKey, importKeys, useImportEvents } from './queries';

export type Step = 'file' | 'mapping' | 'dryRun' | 'decisions' | 'commit';
const STEPS: Step[] = ['file', 'mapping', 'dryRun', 'decisions', 'commit'];

export interface Job {
  jobId: string | null;
  phase: 'dryRun' | 'commit';
}

/**
 * "Impor Data": the office's spreadsheet brought into the register, step by step — the file, its columns,
 * a dry run with its summary and review sheet, the decisions it asks for, the commit — and the imports
 * done so far, each of which can be undone as a whole. Main does the work (the import engine); this page
 * only sends the file and the clerk's choices.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [step, setStep] = useState<Step>('file');
  const [inspect, setInspect] = useState<InspectAnswer | null>(null);
  const [targets, setTargets] = useState<(string | null)[]>([]);
  const [options, setOptions] = useState<ImportOptions>(DEFAULT_IMPORT_OPTIONS);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<{ key: string; params: Record<string, string | number> } | null>(null);
  const uploadId = inspect?.uploadId ?? null;
  const events = useImportEvents(uploadId);

  const onInspected = (r: InspectAnswer) => {
    setInspect(r);
    setTargets(r.columns.map((c) => c.target));
    setError(null);
    setStep('mapping');
  };

  const startJob = async (phase: Job['phase']) => {
    if (!inspect) return;
    events.reset();
    setError(null);
    setJob({ jobId: null, phase });
    setStep(phase);
    try {
      const r =
        phase === 'dryRun'
          ? await call('import:dryRun', {
              uploadId: inspect.uploadId,
              sheet: inspect.sheet,
              columns: targets.map((target, index) => ({ index, target })),
              options,
            })
          : await call('import:commit', { uploadId: inspect.uploadId });
      setJob({ jobId: r.jobId, phase });
    } catch (e) {
      setJob(null);
      setError(errorKey(e));
      setStep(phase === 'dryRun' ? 'mapping' : 'decisions');
    }
  };

  const startOver = async () => {
    if (uploadId && step !== 'commit') await call('import:discard', { uploadId }).catch(() => undefined);
    setInspect(null);
    setTargets([]);
    setJob(null);
    setError(null);
    events.reset();
    setStep('file');
    await qc.invalidateQueries({ queryKey: importKeys.all });
  };

  const active = STEPS.indexOf(step);
  const committed = step === 'commit' && events.end?.phase === 'commit' && events.end.status === 'done';
  return (
    <Stack gap="md">
      <div>
        <Group justify="space-between" wrap="nowrap">
          <Title order={2}>{t('import.page.title')}</Title>
          {step !== 'file' && step !== 'commit' && (
            <Button variant="subtle" onClick={() => void startOver()}>
              {t('import.page.startOver')}
            </Button>
          )}
        </Group>
        <Text c="dimmed" size="sm">
          {t('import.page.intro')}
        </Text>
      </div>
      <Stepper active={committed ? STEPS.length : active} size="sm" allowNextStepsSelect={false}>
        {STEPS.map((s) => (
          <Stepper.Step key={s} label={t(`import.step.${s}`)} />
        ))}
      </Stepper>
      {error && (
        <Alert color="red" data-testid="import-error" withCloseButton onClose={() => setError(null)}>
          {t(error.key, error.params)}
        </Alert>
      )}
      {step === 'file' && <FileStep onInspected={onInspected} />}
      {step === 'mapping' && inspect && (
        <MappingStep
          inspect={inspect}
          targets={targets}
          options={options}
          onTargets={setTargets}
          onOptions={setOptions}
          onInspected={onInspected}
          onDryRun={() => void startJob('dryRun')}
        />
      )}
      {step === 'dryRun' && inspect && (
        <DryRunStep
          uploadId={inspect.uploadId}
          job={job}
          progress={events.progress}
          end={events.end}
          onBack={() => setStep('mapping')}
          onNext={() => setStep('decisions')}
        />
      )}
      {step === 'decisions' && inspect && (
        <DecisionsStep
          uploadId={inspect.uploadId}
          onBack={() => setStep('dryRun')}
          onCommit={() => void startJob('commit')}
        />
      )}
      {step === 'commit' && inspect && (
        <CommitStep
          job={job}
          progress={events.progress}
          end={events.end}
          onAnother={() => void startOver()}
        />
      )}
      <ImportHistory />
    </Stack>
  );
}
