/**
 * The few chrome.* extension APIs the Dossier extension uses, typed by hand
 * (the @types/chrome package would be a dependency for a dozen signatures).
 * Shapes follow https://developer.chrome.com/docs/extensions/reference/api.
 */
declare namespace chrome {
  namespace runtime {
    const id: string;
    const lastError: { message?: string } | undefined;
    interface MessageSender {
      id?: string;
      url?: string;
      tab?: tabs.Tab;
    }
    const onInstalled: { addListener(callback: () => void): void };
    const onStartup: { addListener(callback: () => void): void };
    const onMessage: {
      addListener(callback: (message: unknown, sender: MessageSender, sendResponse: (response: unknown) => void) => boolean | void): void;
    };
    function sendMessage(message: unknown): Promise<unknown>;
  }
  namespace tabs {
    interface Tab {
      id?: number;
      url?: string;
      title?: string;
      active: boolean;
    }
    function query(query: { active?: boolean; currentWindow?: boolean; lastFocusedWindow?: boolean }): Promise<Tab[]>;
    function get(tabId: number): Promise<Tab>;
  }
  namespace scripting {
    interface InjectionResult<T> {
      result?: T;
      frameId: number;
    }
    function executeScript<Args extends unknown[], T>(injection: {
      target: { tabId: number; allFrames?: boolean };
      func: (...args: Args) => T | Promise<T>;
      args?: Args;
      world?: 'ISOLATED' | 'MAIN';
    }): Promise<InjectionResult<Awaited<T>>[]>;
  }
  namespace storage {
    interface StorageArea {
      get(keys: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
    }
    const local: StorageArea;
    const onChanged: { addListener(callback: (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, areaName: string) => void): void };
  }
  namespace contextMenus {
    interface OnClickData {
      menuItemId: string | number;
      selectionText?: string;
    }
    function create(properties: { id: string; title: string; contexts: string[] }): void;
    function removeAll(): Promise<void>;
    const onClicked: { addListener(callback: (info: OnClickData, tab?: tabs.Tab) => void): void };
  }
  namespace commands {
    const onCommand: { addListener(callback: (command: string, tab?: tabs.Tab) => void): void };
    function getAll(): Promise<Array<{ name?: string; shortcut?: string; description?: string }>>;
  }
  namespace alarms {
    function create(name: string, info: { periodInMinutes?: number; delayInMinutes?: number }): Promise<void>;
    const onAlarm: { addListener(callback: (alarm: { name: string }) => void): void };
  }
  namespace action {
    function setBadgeText(details: { text: string }): Promise<void>;
    function setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  }
}
