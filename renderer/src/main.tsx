import './zodConfig';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectChangeEvents, queryClient } from './api/queries';
import { App } from './app/App';
import './styles/app.css';
import './styles/editor.css';
import './styles/reader.css';

// One subscription for the page's life: the core's change events invalidate the query cache.
connectChangeEvents();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
