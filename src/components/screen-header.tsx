import { Icon } from './icon';

/** Title bar for every screen but home: a back button and the screen's heading (focused on arrival). */
export function ScreenHeader({ title, onBack }: { title: string; onBack?: () => void }) {
  return (
    <header className="screen-header">
      {onBack && (
        <button type="button" className="button button--ghost" onClick={onBack}>
          <Icon name="back" />
          <span>Back</span>
        </button>
      )}
      <h1 tabIndex={-1} className="screen-header__title">
        {title}
      </h1>
    </header>
  );
}
