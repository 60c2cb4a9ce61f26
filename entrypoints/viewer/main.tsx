import '@/lib/app/zod-without-eval';
import { render } from 'preact';
import { Localized } from '@/components/Localized';
import '@/components/style.css';
import './viewer.css';
import { ViewerPage } from './ViewerPage';

const src = new URLSearchParams(location.search).get('src') ?? '';
render(<Localized page={() => <ViewerPage src={src} />} title="page_viewer" />, document.getElementById('app')!);
