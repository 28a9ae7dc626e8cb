/// Where a chapter's files live besides its Markdown: the figures its examples draw, committed by
/// `make bless`, read by `book verify` and the weave.
extension Chapter {
    /// The directory of the chapter's committed figures, relative to the package root: `chapters/figures/04-softmax`.
    public var figureDirectory: String { Book.figuresDirectory + "/" + slug }
}

extension Book {
    /// The directory holding every chapter's committed figures, relative to the package root.
    public static let figuresDirectory = "chapters/figures"
}
