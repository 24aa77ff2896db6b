//! Rebuilds the prebuilt image of the built-in sample from its files:
//!
//!     cargo run --example sample_image
//!
//! Run it after changing anything under examples/sample/ or the schema; a unit test
//! (`sample::tests::the_image_is_what_the_files_import_to`) fails until you do.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bytes = claimdb::sample::build_image()?;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(claimdb::sample::IMAGE_PATH);
    std::fs::write(&path, &bytes)?;
    eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
    Ok(())
}
