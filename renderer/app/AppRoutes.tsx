import { RouterProvider } from 'react-router';
import { router } from './router';

/** The signed-in app: the Shell and its pages. A chunk of its own, which the sign-in page loads meanwhile. */
export function AppRoutes() {
  return <RouterProvider router={router} />;
}
