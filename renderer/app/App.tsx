import { MantineProvider } from '@mantine/core';
import { DateEntryProvider } from '../components/DateField';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { onSessionSignal } from '../lib/ipc';
import { appKeys } from './queries';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { theme } from './theme';
import { useAppInfo } from './queries';
import { router } from './router';
import { SetupPage } from '../features/setup/SetupPage';
import { LoginPage } from '../features/auth/LoginPage';
import { StartupErrorPage } from './StartupErrorPage';
import { KeysRecoveryPage } from '../features/backup/KeysRecovery';
import { FullPageLoader } from '../components/FullPageLoader';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

/**
 * While someone is signed in: a refused call, or the idle time-out passing without activity, asks main again
 * who is signed in; main answers "nobody, the session ended idle" and the sign-in page says so.
 */
function useSessionWatch(signedIn: boolean, idleSeconds: number) {
  const qc = useQueryClient();
  useEffect(() => {
    if (!signedIn) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recheck = () => void qc.invalidateQueries({ queryKey: appKeys.info });
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(recheck, idleSeconds * 1000 + 1000);
    };
    arm();
    const off = onSessionSignal((why) => (why === 'lost' ? recheck() : arm()));
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [signedIn, idleSeconds, qc]);
}

/**
 * Decides what the clerk sees first: an error screen, the set-up (never skippable), sign-in, the key recovery
 * (skippable) when the stored keys do not open here, or the app.
 */
function Gate() {
  const info = useAppInfo();
  const { i18n } = useTranslation();
  const language = info.data?.language;
  // "go on without the keys" holds until the app is reloaded (the page comes back at the next start)
  const [keysLater, setKeysLater] = useState(false);
  useSessionWatch(!!info.data?.user, info.data?.idleTimeoutSeconds ?? 1800);
  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language ?? 'id';
  }, [language, i18n]);
  if (info.isPending) return <FullPageLoader />;
  if (info.isError) return <StartupErrorPage error={null} />;
  const data = info.data;
  if (data.startupError) return <StartupErrorPage error={data.startupError} dataDir={data.dataDir} />;
  if (!data.setUp) return <SetupPage />;
  if (!data.user)
    return (
      <LoginPage
        office={data.office}
        idleMinutes={
          data.sessionEnded === 'idle' ? Math.max(1, Math.round(data.idleTimeoutSeconds / 60)) : null
        }
      />
    );
  if (data.keysUnavailable && !keysLater)
    return <KeysRecoveryPage isAdmin={data.user.role === 'admin'} onLater={() => setKeysLater(true)} />;
  return <RouterProvider router={router} />;
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <DateEntryProvider>
        <QueryClientProvider client={queryClient}>
          <Gate />
        </QueryClientProvider>
      </DateEntryProvider>
    </MantineProvider>
  );
}
