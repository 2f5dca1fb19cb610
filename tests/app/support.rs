//! Builds the app on the mock runtime against a temporary data directory.

use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

pub struct TestApp {
    pub app: App<MockRuntime>,
    pub dir: tempfile::TempDir,
}

impl TestApp {
    pub fn new() -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        TestApp::in_dir(dir)
    }

    /// An app over an existing data directory (to test restarts and recovery).
    pub fn in_dir(dir: tempfile::TempDir) -> TestApp {
        let mut app = headroom_app::configure(mock_builder(), Some(dir.path().to_path_buf()))
            .build(tauri::generate_context!())
            .expect("the app builds on the mock runtime");
        // The app's setup (windows from the config, state, the journal) runs with the first
        // event-loop iteration, exactly as in the real app.
        #[allow(deprecated)]
        app.run_iteration(|_, _| {});
        TestApp { app, dir }
    }

    /// Ends the app (releasing the data directory) and hands the directory back.
    pub fn close(self) -> tempfile::TempDir {
        let TestApp { app, dir } = self;
        // As at exit: the journal lets go of the directory.
        app.state::<headroom_app::AppState>().journal.close();
        drop(app);
        dir
    }

    pub fn main_window(&self) -> WebviewWindow<MockRuntime> {
        match self.app.get_webview_window("main") {
            Some(w) => w,
            None => WebviewWindowBuilder::new(&self.app, "main", Default::default())
                .build()
                .expect("main window"),
        }
    }

    pub fn window(&self, label: &str) -> WebviewWindow<MockRuntime> {
        WebviewWindowBuilder::new(&self.app, label, Default::default())
            .build()
            .expect("window")
    }

    /// Calls `cmd` from the main window; `Err` holds the error value the webview would get.
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        invoke(&self.main_window(), cmd, args)
    }

    /// Like `call`, for a call that must succeed.
    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    /// Like `call`, for a call that must fail; returns the error's `kind`.
    pub fn err_kind(&self, cmd: &str, args: Value) -> String {
        let e = self
            .call(cmd, args)
            .expect_err(&format!("{cmd} should have failed"));
        assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()), "{e}");
        e["kind"]
            .as_str()
            .unwrap_or_else(|| panic!("error without kind: {e}"))
            .to_owned()
    }
}

pub fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        // The origin the app's own pages have on Linux; remote origins get no capability.
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request)
        .map(|body| body.deserialize::<Value>().expect("JSON response"))
}
