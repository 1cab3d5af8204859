import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { openInspector } from './open-inspector';
import './app.css';

const inspector = openInspector(new URL(window.location.href));
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App inspector={inspector} />
  </StrictMode>,
);
