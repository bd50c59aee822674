import './zodConfig';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectChangeEvents, queryClient } from './api/queries';
import { App } from './app/App';
import { libraryStore } from './features/library/libraryScope';
import './styles/app.css';
import './styles/editor.css';
import './styles/reader.css';

// One subscription for the page's life: the core's change events invalidate the query cache, and
// the library views not yet on it (sidebar counts, projects and tags) reload through libraryStore.
connectChangeEvents((event) => {
  if (event.type !== 'note.saved' && event.type !== 'passages.changed' && event.type !== 'note.quoteWaiting') libraryStore.changed();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
